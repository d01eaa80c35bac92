// Reports shared by the low-UID and low-GID rules (H09, H10): same detection, same placement.
import { setInContainer, setInherited, setInPod } from '../fix/workload';
import { IdField, lowIds, SUGGESTED_HIGH_ID } from '../model/high-ids';
import { PodSpecView } from '../model/workload';
import { isTrue } from '../model/yaml-nav';
import { Proposal, Report } from '../rule';

export type LowIdMessage = 'podLow' | 'containerLow' | 'unset';

/**
 * One report per low ID. Which ID the image can run as is the user's choice (files it owns,
 * volumes it writes), so the higher ID is a suggestion, never a fix.
 */
export function lowIdReports(pod: PodSpecView, field: IdField, zeroReportedElsewhere: boolean): Array<Report<LowIdMessage>> {
  const note = (p: Proposal): Proposal => ({ ...p, title: `${p.title} (the image must be able to run with this ID)` });
  const path = ['securityContext', field];
  return lowIds(pod, field, zeroReportedElsewhere).map((low): Report<LowIdMessage> => {
    switch (low.where) {
      case 'pod':
        return { messageId: 'podLow', data: { value: low.value }, at: low.ref.value, suggestions: [note(setInPod(pod, path, SUGGESTED_HIGH_ID))] };
      case 'container':
        return {
          messageId: 'containerLow', data: { container: low.container.label, value: low.value }, at: low.ref.value,
          suggestions: [note(setInContainer(low.container, path, SUGGESTED_HIGH_ID))],
        };
      case 'unset':
        return {
          messageId: 'unset', data: { container: low.container.label, imageId: imageIdText(field, isTrue(low.container.effective('runAsNonRoot'))) }, at: low.at,
          suggestions: [note(setInherited(pod, low.container, field, SUGGESTED_HIGH_ID))],
        };
    }
  });
}

/**
 * What the image's ID is known to be: root unless the image says otherwise, but runAsNonRoot
 * keeps the user off UID 0 (the kubelet refuses to start it), so only a low UID is left to fear.
 */
function imageIdText(field: IdField, nonRoot: boolean): string {
  return field === 'runAsUser' && nonRoot ? 'not root, as runAsNonRoot requires, yet possibly a UID host accounts use' : 'root unless the image says otherwise';
}
