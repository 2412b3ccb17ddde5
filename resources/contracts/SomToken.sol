// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title SomToken - demo som stablecoin for Som POS test and demo networks.
/// @notice ERC-20 with EIP-2612 permit and EIP-3009 transfer/receive/cancel authorizations,
///         mirroring the USDC (FiatTokenV2) interface so the app talks to the demo token
///         exactly as it would to the production BEP-20 som.
/// @dev Self-contained on purpose (no imports): the source is hashed into the committed
///      artifact and must compile the same way on any machine with the pinned solc.
///      Only the deployer can mint; there is no burn, pause or blacklist because the demo
///      never needs them and every extra path is one more thing to get wrong.
contract SomToken {
    // ---------------------------------------------------------------- ERC-20 state

    string private _name;
    string private _symbol;
    uint8 private immutable _decimals;
    uint256 private _totalSupply;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;

    /// @notice The only account allowed to mint (the deployer).
    address public immutable minter;

    // ---------------------------------------------------------------- EIP-712 state

    string private _version;
    bytes32 private immutable _hashedName;
    bytes32 private immutable _hashedVersion;
    // Cached for the deployment chain; recomputed on a fork so signatures for the old
    // chain cannot be replayed on the new one.
    bytes32 private immutable _cachedDomainSeparator;
    uint256 private immutable _cachedChainId;
    address private immutable _cachedThis;

    bytes32 private constant EIP712_DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );

    bytes32 public constant PERMIT_TYPEHASH = keccak256(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    );
    bytes32 public constant TRANSFER_WITH_AUTHORIZATION_TYPEHASH = keccak256(
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    );
    bytes32 public constant RECEIVE_WITH_AUTHORIZATION_TYPEHASH = keccak256(
        "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    );
    bytes32 public constant CANCEL_AUTHORIZATION_TYPEHASH = keccak256(
        "CancelAuthorization(address authorizer,bytes32 nonce)"
    );

    // secp256k1n / 2: signatures with a larger s are malleable twins of a valid one.
    uint256 private constant _HALF_CURVE_ORDER =
        0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// @notice EIP-2612 nonce per owner; increments with every successful permit.
    mapping(address => uint256) public nonces;
    // EIP-3009: authorizer => nonce => used or canceled.
    mapping(address => mapping(bytes32 => bool)) private _authorizationStates;

    // ---------------------------------------------------------------- events

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce);
    event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce);

    // ---------------------------------------------------------------- construction

    constructor(string memory name_, string memory symbol_, uint8 decimals_, string memory version_) {
        require(bytes(name_).length > 0, "SomToken: empty name");
        require(bytes(symbol_).length > 0, "SomToken: empty symbol");
        require(bytes(version_).length > 0, "SomToken: empty version");
        _name = name_;
        _symbol = symbol_;
        _decimals = decimals_;
        _version = version_;
        minter = msg.sender;

        // Locals, because immutables cannot be read back inside the constructor before 0.8.21.
        bytes32 hashedName = keccak256(bytes(name_));
        bytes32 hashedVersion = keccak256(bytes(version_));
        _hashedName = hashedName;
        _hashedVersion = hashedVersion;
        _cachedChainId = block.chainid;
        _cachedThis = address(this);
        _cachedDomainSeparator = _buildDomainSeparator(hashedName, hashedVersion);
    }

    // ---------------------------------------------------------------- ERC-20 views

    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    function decimals() external view returns (uint8) {
        return _decimals;
    }

    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    // ---------------------------------------------------------------- ERC-20 actions

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        _approve(msg.sender, spender, value);
        return true;
    }

    /// @dev An allowance of type(uint256).max is treated as unlimited and never decremented,
    ///      as in OpenZeppelin, so "approve once" wallets do not pay for a storage write.
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 current = _allowances[from][msg.sender];
        if (current != type(uint256).max) {
            require(current >= value, "SomToken: transfer amount exceeds allowance");
            unchecked {
                _approve(from, msg.sender, current - value);
            }
        }
        _transfer(from, to, value);
        return true;
    }

    /// @notice Create `value` base units for `to`; only the minter (deployer) may call.
    function mint(address to, uint256 value) external {
        require(msg.sender == minter, "SomToken: caller is not the minter");
        require(to != address(0), "SomToken: mint to the zero address");
        _totalSupply += value; // checked: overflow reverts
        unchecked {
            // Cannot overflow: a balance never exceeds the total supply checked above.
            _balances[to] += value;
        }
        emit Transfer(address(0), to, value);
    }

    // ---------------------------------------------------------------- EIP-712 / EIP-5267

    function version() external view returns (string memory) {
        return _version;
    }

    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        if (address(this) == _cachedThis && block.chainid == _cachedChainId) {
            return _cachedDomainSeparator;
        }
        return _buildDomainSeparator(_hashedName, _hashedVersion);
    }

    function eip712Domain()
        external
        view
        returns (
            bytes1 fields,
            string memory name_,
            string memory version_,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        )
    {
        // 0x0f = name, version, chainId and verifyingContract are used; no salt.
        return (hex"0f", _name, _version, block.chainid, address(this), bytes32(0), new uint256[](0));
    }

    // ---------------------------------------------------------------- EIP-2612

    function permit(
        address owner,
        address spender,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        require(deadline >= block.timestamp, "SomToken: permit is expired");
        bytes32 structHash = keccak256(
            abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonces[owner]++, deadline)
        );
        require(_recover(_hashTypedData(structHash), v, r, s) == owner, "SomToken: invalid signature");
        _approve(owner, spender, value);
    }

    // ---------------------------------------------------------------- EIP-3009

    function authorizationState(address authorizer, bytes32 nonce) external view returns (bool) {
        return _authorizationStates[authorizer][nonce];
    }

    /// @notice Execute a transfer signed off-chain by `from`; anyone may submit it.
    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        _requireValidAuthorization(from, nonce, validAfter, validBefore);
        bytes32 structHash = keccak256(
            abi.encode(TRANSFER_WITH_AUTHORIZATION_TYPEHASH, from, to, value, validAfter, validBefore, nonce)
        );
        require(_recover(_hashTypedData(structHash), v, r, s) == from, "SomToken: invalid signature");
        _markAuthorizationAsUsed(from, nonce);
        _transfer(from, to, value);
    }

    /// @notice Like transferWithAuthorization but only the payee may submit it, so a
    ///         front-runner cannot pull the authorization out of the mempool and use it
    ///         outside the payee's own wrapping transaction.
    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        require(to == msg.sender, "SomToken: caller must be the payee");
        _requireValidAuthorization(from, nonce, validAfter, validBefore);
        bytes32 structHash = keccak256(
            abi.encode(RECEIVE_WITH_AUTHORIZATION_TYPEHASH, from, to, value, validAfter, validBefore, nonce)
        );
        require(_recover(_hashTypedData(structHash), v, r, s) == from, "SomToken: invalid signature");
        _markAuthorizationAsUsed(from, nonce);
        _transfer(from, to, value);
    }

    /// @notice Burn an unused authorization nonce so it can never be executed.
    function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) external {
        require(!_authorizationStates[authorizer][nonce], "SomToken: authorization is used or canceled");
        bytes32 structHash = keccak256(abi.encode(CANCEL_AUTHORIZATION_TYPEHASH, authorizer, nonce));
        require(_recover(_hashTypedData(structHash), v, r, s) == authorizer, "SomToken: invalid signature");
        _authorizationStates[authorizer][nonce] = true;
        emit AuthorizationCanceled(authorizer, nonce);
    }

    // ---------------------------------------------------------------- internals

    function _transfer(address from, address to, uint256 value) private {
        require(from != address(0), "SomToken: transfer from the zero address");
        require(to != address(0), "SomToken: transfer to the zero address");
        uint256 fromBalance = _balances[from];
        require(fromBalance >= value, "SomToken: transfer amount exceeds balance");
        unchecked {
            // Cannot overflow: the sum of all balances is the total supply.
            _balances[from] = fromBalance - value;
            _balances[to] += value;
        }
        emit Transfer(from, to, value);
    }

    function _approve(address owner, address spender, uint256 value) private {
        require(owner != address(0), "SomToken: approve from the zero address");
        require(spender != address(0), "SomToken: approve to the zero address");
        _allowances[owner][spender] = value;
        emit Approval(owner, spender, value);
    }

    function _requireValidAuthorization(
        address authorizer,
        bytes32 nonce,
        uint256 validAfter,
        uint256 validBefore
    ) private view {
        require(block.timestamp > validAfter, "SomToken: authorization is not yet valid");
        require(block.timestamp < validBefore, "SomToken: authorization is expired");
        require(!_authorizationStates[authorizer][nonce], "SomToken: authorization is used or canceled");
    }

    function _markAuthorizationAsUsed(address authorizer, bytes32 nonce) private {
        _authorizationStates[authorizer][nonce] = true;
        emit AuthorizationUsed(authorizer, nonce);
    }

    function _buildDomainSeparator(bytes32 hashedName, bytes32 hashedVersion) private view returns (bytes32) {
        return keccak256(abi.encode(EIP712_DOMAIN_TYPEHASH, hashedName, hashedVersion, block.chainid, address(this)));
    }

    function _hashTypedData(bytes32 structHash) private view returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
    }

    /// @dev ecrecover alone accepts malleable (high-s) signatures and returns address(0) on
    ///      garbage; both must be refused or a zero-address "owner" or a replayed twin
    ///      signature could pass the equality checks above.
    function _recover(bytes32 digest, uint8 v, bytes32 r, bytes32 s) private pure returns (address) {
        require(uint256(s) <= _HALF_CURVE_ORDER, "SomToken: invalid signature 's' value");
        require(v == 27 || v == 28, "SomToken: invalid signature 'v' value");
        address signer = ecrecover(digest, v, r, s);
        require(signer != address(0), "SomToken: invalid signature");
        return signer;
    }
}
