// The test run VS Code loads into the extension host (--extensionTestsPath): mocha over *.test.js here.
// It runs the same under desktop VS Code and under code-server (see codeShim.mjs).
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const Mocha = require('mocha');
const vscode = require('vscode');

/** Called by the extension host; the run fails if the promise rejects. */
exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, forbidOnly: true });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  // codeShim.mjs shows the extension host's console from this line on.
  console.log(`In-editor suite: ${mocha.files.length} files in ${vscode.env.appName} ${vscode.version}, ${vscode.env.appHost}`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The closing line CI reads to know tests ran.
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve(undefined);
    });
  });
};
