// Makes offline payloads with ethers (an independent wallet implementation), for test_ethers_payloads.py.
// Usage: node ethers_payloads.js '<json: key, chainId, token, to, amount, nonce, gasPrice, validBefore, name, version>'
const path = require("path");
const { ethers } = require(path.join(process.env.SOMPOS_NODE_MODULES, "ethers"));

async function main() {
  const a = JSON.parse(process.argv[2]);
  const wallet = new ethers.Wallet(a.key);
  const iface = new ethers.Interface(["function transfer(address to, uint256 amount)"]);
  const data = iface.encodeFunctionData("transfer", [a.to, BigInt(a.amount)]);
  const base = { to: a.token, data, value: 0n, nonce: a.nonce, gasLimit: 60000n, chainId: BigInt(a.chainId) };
  const out = {
    legacy: await wallet.signTransaction({ ...base, type: 0, gasPrice: BigInt(a.gasPrice) }),
    eip2930: await wallet.signTransaction({ ...base, type: 1, gasPrice: BigInt(a.gasPrice), accessList: [] }),
    eip1559: await wallet.signTransaction({ ...base, type: 2, maxFeePerGas: BigInt(a.gasPrice) * 3n,
                                            maxPriorityFeePerGas: BigInt(a.gasPrice) }),
  };
  const nonce = ethers.hexlify(ethers.randomBytes(32));
  const domain = { name: a.name, version: a.version, chainId: a.chainId, verifyingContract: a.token };
  const types = { ReceiveWithAuthorization: [
    { name: "from", type: "address" }, { name: "to", type: "address" }, { name: "value", type: "uint256" },
    { name: "validAfter", type: "uint256" }, { name: "validBefore", type: "uint256" }, { name: "nonce", type: "bytes32" } ] };
  const message = { from: wallet.address, to: a.to, value: BigInt(a.amount), validAfter: 0, validBefore: a.validBefore, nonce };
  const signature = await wallet.signTypedData(domain, types, message);
  out.eip3009 = JSON.stringify({ type: "eip3009", method: "receiveWithAuthorization", chainId: a.chainId,
    token: a.token, from: wallet.address, to: a.to, value: String(a.amount), validAfter: 0,
    validBefore: a.validBefore, nonce, signature });
  out.address = wallet.address;
  console.log(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
