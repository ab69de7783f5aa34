// letterlint for VS Code: starts `letterlint lsp` for text and Markdown documents.
// Everything (diagnostics, quick fixes, hover) comes from the server; this file only wires it up.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function settings() {
  const config = vscode.workspace.getConfiguration("letterlint");
  return {
    profile: config.get("profile") || null,
    select: config.get("select"),
    ignore: config.get("ignore"),
    debounceMs: config.get("debounceMs"),
    maxChars: config.get("maxChars"),
  };
}

async function activate(context) {
  const command = vscode.workspace.getConfiguration("letterlint").get("command");
  const serverOptions = { command: command[0], args: command.slice(1), transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: settings(),
    // Sends workspace/didChangeConfiguration with {"letterlint": {...}} when a setting changes.
    synchronize: { configurationSection: "letterlint" },
  };
  client = new LanguageClient("letterlint", "letterlint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
