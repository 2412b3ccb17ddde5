#!/usr/bin/env node
// Compile resources/contracts/SomToken.sol with the pinned solc (packaging/node) and write the
// JSON artifact the app loads at run time, so end users never need a compiler.
//
//   node packaging/compile_contract.js [output.json]   (default pos_app/chain/artifacts/SomToken.json)
//
// The output is deterministic (no metadata hash, fixed key order) so CI can recompile and
// compare byte for byte with the committed artifact.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_PATH = path.join(ROOT, 'resources', 'contracts', 'SomToken.sol');
const DEFAULT_OUT = path.join(ROOT, 'pos_app', 'chain', 'artifacts', 'SomToken.json');
const CONTRACT = 'SomToken';
const SOURCE_UNIT = 'SomToken.sol';

function loadSolc() {
  // Resolve from the pinned tools only; a global solc of another version would change the bytecode.
  const solcDir = path.join(__dirname, 'node', 'node_modules', 'solc');
  if (!fs.existsSync(solcDir)) {
    console.error(`solc is not installed in ${solcDir}.\n` +
      'Run `python3 packaging/dev.py test` (or `npm ci` in packaging/node) to install the pinned tools.');
    process.exit(2);
  }
  return require(solcDir);
}

// Everything that influences the bytecode; copied into the artifact for provenance.
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  // paris: no PUSH0, so the bytecode runs on any EVM chain the shop may point at.
  evmVersion: 'paris',
  // No IPFS/Swarm hash appended: the bytecode then depends only on source and settings.
  metadata: { bytecodeHash: 'none' },
};

function main() {
  const solc = loadSolc();
  const outPath = path.resolve(process.argv[2] || DEFAULT_OUT);
  const sourceBytes = fs.readFileSync(SOURCE_PATH);

  const input = {
    language: 'Solidity',
    sources: { [SOURCE_UNIT]: { content: sourceBytes.toString('utf8') } },
    settings: {
      ...SETTINGS,
      outputSelection: { [SOURCE_UNIT]: { [CONTRACT]: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));

  const diagnostics = output.errors || [];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) {
    // formattedMessage already starts with the kind ("Warning:", "TypeError:") and shows the line.
    console.error(d.formattedMessage || `${d.severity}: ${d.message}`);
  }
  if (errors.length > 0) {
    console.error(`Compilation of ${path.relative(ROOT, SOURCE_PATH)} failed with ${errors.length} error(s).`);
    process.exit(1);
  }

  const compiled = output.contracts && output.contracts[SOURCE_UNIT] && output.contracts[SOURCE_UNIT][CONTRACT];
  if (!compiled || !compiled.evm.bytecode.object) {
    console.error(`solc produced no bytecode for ${CONTRACT}.`);
    process.exit(1);
  }

  // Keys are listed explicitly so the file layout never depends on solc's output order.
  const artifact = {
    contractName: CONTRACT,
    compiler: solc.version(),
    settings: SETTINGS,
    sourceSha256: crypto.createHash('sha256').update(sourceBytes).digest('hex'),
    abi: compiled.abi,
    bytecode: '0x' + compiled.evm.bytecode.object,
    deployedBytecode: '0x' + compiled.evm.deployedBytecode.object,
  };

  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, JSON.stringify(artifact, null, 2) + '\n');
  console.log(`wrote ${outPath} (solc ${artifact.compiler}, ${(artifact.deployedBytecode.length - 2) / 2} bytes runtime)`);
}

main();
