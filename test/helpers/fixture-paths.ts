// Where the ground-truth data the tests read lives: in the repository, under test/fixtures (each
// folder's SOURCE.md names the upstream repository, commit and license). Tests run from
// test/out/<suite>/..., so paths are resolved from the repository root.
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
/** The Kubernetes project's Pod Security Admission fixtures: <level>/v1.<minor>/{pass,fail}/*.yaml. */
export const PSA_TESTDATA = path.join(FIXTURES, 'pod-security-admission', 'testdata');
/** Real-world install manifests (SOURCES.md names each one's repository, path and commit). */
export const REAL_CORPUS = path.join(FIXTURES, 'real');
