// The commands the extension registers, the trace setting the LanguageClient reads, and the guard
// that keeps Restart Server from overlapping itself: what VS Code would see, without VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Registration from '../../../client/src/registration';

// The client is not a package: its compiled output, from test/out/unit/client.
const ROOT = path.resolve(__dirname, '../../../..');
const { CLIENT_ID, clientCommands, isTraceOn, oneAtATime, SERVER_COMMANDS, TRACE_SETTING } =
  require(path.join(ROOT, 'client', 'out', 'registration')) as typeof Registration;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function recordingHandlers() {
  const calls: Array<[string, unknown[]]> = [];
  const handlers = {
    showRulePage: (...args: unknown[]) => { calls.push(['showRulePage', args]); },
    fixAllInFile: (...args: unknown[]) => { calls.push(['fixAllInFile', args]); },
    restartServer: async (...args: unknown[]) => { calls.push(['restartServer', args]); },
    showOutput: (...args: unknown[]) => { calls.push(['showOutput', args]); },
  };
  return { calls, handlers };
}

describe('client: command registration and the trace setting', () => {
  it('registers every contributed command the server does not register itself, once', () => {
    const ids = clientCommands(recordingHandlers().handlers).map(c => c.id);
    assert.deepEqual([...ids].sort(), ['kubeHarden.fixAllInFile', 'kubeHarden.restartServer', 'kubeHarden.showOutput', 'kubeHarden.showRulePage']);
    const contributed = (manifest.contributes.commands as Array<{ command: string }>).map(c => c.command);
    assert.deepEqual([...ids, ...SERVER_COMMANDS].sort(), [...contributed].sort());
  });

  it('routes each command to its handler, passing a rule id through to Show Rule Page only', async () => {
    const { calls, handlers } = recordingHandlers();
    const run = new Map(clientCommands(handlers).map(c => [c.id, c.run]));
    run.get('kubeHarden.showRulePage')!('disallow-host-pid');
    run.get('kubeHarden.fixAllInFile')!('ignored');
    await run.get('kubeHarden.restartServer')!('ignored');
    run.get('kubeHarden.showOutput')!('ignored');
    assert.deepEqual(calls, [['showRulePage', ['disallow-host-pid']], ['fixAllInFile', []], ['restartServer', []], ['showOutput', []]]);
  });

  it('contributes <client id>.trace.server, the key vscode-languageclient reads, with the values it knows', () => {
    const setting = manifest.contributes.configuration.properties[`${CLIENT_ID}.${TRACE_SETTING}`];
    assert.equal(`${CLIENT_ID}.${TRACE_SETTING}`, 'kubeHarden.trace.server');
    assert.deepEqual(setting.enum, ['off', 'messages', 'verbose']);
    assert.equal(setting.default, 'off');
    assert.deepEqual(setting.enum.map(isTraceOn), [false, true, true]);
    assert.equal(isTraceOn(undefined), false);
    assert.equal(isTraceOn('Verbose'), false, 'VS Code validates the enum; anything else is off');
  });

  it('runs one restart at a time: a second call during a restart shares it, a later one starts anew', async () => {
    let runs = 0;
    let finish!: () => void;
    const restart = oneAtATime(() => { runs++; return new Promise<void>(resolve => { finish = resolve; }); }, () => assert.fail('no failure'));
    const first = restart();
    const second = restart();
    assert.equal(first, second);
    assert.equal(runs, 1);
    finish();
    await first;
    const third = restart();
    assert.notEqual(third, first);
    assert.equal(runs, 2);
    finish();
    await third;
  });

  it('reports a failed restart instead of throwing out of the command, and can run again', async () => {
    const reported: unknown[] = [];
    let fail = true;
    const restart = oneAtATime(async () => { if (fail) throw new Error('Client is stopping'); }, e => reported.push((e as Error).message));
    await restart();
    assert.deepEqual(reported, ['Client is stopping']);
    fail = false;
    await restart();
    assert.deepEqual(reported, ['Client is stopping']);
  });
});
