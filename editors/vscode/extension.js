// The language-client wiring: start `constitution-rules lsp` over stdio for both file kinds.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("constitutionRules");
  const [command, ...args] = settings.get("command", ["constitution-rules", "lsp"]);
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "constitution" },
      { scheme: "file", language: "constitution-amendment" },
      { scheme: "untitled", language: "constitution" },
      { scheme: "untitled", language: "constitution-amendment" },
    ],
    initializationOptions: { ruleDocsUrl: settings.get("ruleDocsUrl", "") || undefined },
    synchronize: {
      // a saved configuration changes which rules run
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{pyproject.toml,constitution-rules.toml}"),
    },
  };
  client = new LanguageClient("constitutionRules", "constitution-rules", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("constitutionRules.command")) {
        vscode.window.showInformationMessage("constitution-rules: reload the window to use the new server command.");
      }
    })
  );
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `constitution-rules: could not start "${command} ${args.join(" ")}" (${error.message}). ` +
        "Install it with: pip install 'constitution-rules[lsp]', or set constitutionRules.command."
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
