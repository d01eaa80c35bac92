// Which ports mean SSH. Port 22 is SSH's registered port (IANA) and the only one kube-linter's
// `ssh-port` check matches: its fixtures expect no finding for 2222, which is also the default of
// applications that serve git over their own SSH (Gitea, Gogs, Forgejo, gitlab-shell) rather than
// a login shell into the container. A port *named* `ssh` says SSH whatever its number.
export const SSH_PORTS: ReadonlySet<number> = new Set([22]);

/** True when a port's number or name says SSH. */
export function isSshPort(port: number | undefined, name: string | undefined): boolean {
  return (port !== undefined && SSH_PORTS.has(port)) || (name !== undefined && name.toLowerCase() === 'ssh');
}
