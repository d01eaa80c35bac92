#!/usr/bin/env bash
# Kube Harden in a real Neovim, headless: Debian's Neovim (0.7, the oldest the editor docs cover)
# starts kube-harden-ls as docs/editors.md says, opens a privileged Pod, waits for the diagnostic,
# asks for its code actions the way vim.lsp.buf.code_action() does (the diagnostic sent back as
# Neovim 0.7 sends it: without `data`), applies the quick fix's edit and writes the file.
# Optional in CI (it installs a Debian package, as root); run: bash scripts/editors/neovim.sh
# Prints "neovim: N passed, N failed" and exits non-zero on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if ! command -v nvim >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "neovim: needs Debian's neovim (apt-get install neovim, as root)"; exit 1; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim) >/dev/null
fi
[ -f "$root/server/out/lsp/main.js" ] || (cd "$root" && npx --no-install tsc -b)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$work" init -q
cat > "$work/pod.yaml" <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
YAML
cat > "$work/init.lua" <<LUA
-- init.lua runs before the file is loaded: the work waits for VimEnter.
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
local out = io.open('$work/result.txt', 'w')
local function say(s) out:write(s .. '\n'); out:flush() end
local id = vim.lsp.start_client({
  name = 'kube-harden',
  cmd = { 'node', '$root/server/bin/kube-harden-ls.js', '--stdio' },
  root_dir = '$work',
  settings = { kubeHarden = {} },
})
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == 'disallow-privileged-containers' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'disallow-privileged-containers') then return true end
  end
  return false
end, 100)
say('diagnostic ' .. tostring(ok))
local found
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  if code == 'disallow-privileged-containers' then found = d end
end
if found then
  say(string.format('at %d:%d', found.lnum + 1, found.col + 1))
  local lsp_diag = { range = { start = { line = found.lnum, character = found.col }, ['end'] = { line = found.end_lnum, character = found.end_col } },
                     message = found.message, code = 'disallow-privileged-containers', source = found.source, severity = found.severity }
  local params = { textDocument = vim.lsp.util.make_text_document_params(), range = lsp_diag.range, context = { diagnostics = { lsp_diag }, only = { 'quickfix' } } }
  local applied
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
  for _, r in pairs(responses) do
    for _, action in ipairs(r.result or {}) do
      say('action ' .. action.title)
      if not applied and action.title:find('privileged') and not action.title:find('Suppress') then
        -- Neovim 0.7 announces resolveSupport for edits: the edit comes from codeAction/resolve.
        if not action.edit then
          local resolved = vim.lsp.buf_request_sync(0, 'codeAction/resolve', action, 10000) or {}
          for _, rr in pairs(resolved) do if rr.result then action = rr.result end end
        end
        if action.edit then
          vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
          applied = true
          say('applied ' .. action.title)
        end
      end
    end
  end
  vim.cmd('write')
end
out:close()
vim.cmd('qa!')
end })
LUA
timeout 60 nvim --headless --noplugin -u "$work/init.lua" "$work/pod.yaml" >/dev/null 2>&1 || true
passed=0; failed=0
check() { if grep -q -- "$1" "$work/result.txt" 2>/dev/null; then passed=$((passed+1)); else failed=$((failed+1)); echo "neovim: missing: $1"; fi; }
check 'diagnostic true'
check 'at 10:21'
check 'action .*disallow-privileged-containers'
check 'applied'
if grep -q 'privileged: true' "$work/pod.yaml"; then failed=$((failed+1)); echo 'neovim: the file still has privileged: true'; else passed=$((passed+1)); fi
sed 's/^/  /' "$work/result.txt" 2>/dev/null || true
echo "neovim: $passed passed, $failed failed"
[ "$failed" = 0 ]
