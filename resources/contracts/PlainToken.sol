// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title PlainToken - a bare ERC-20 for tests: no EIP-3009 and no EIP-2612.
/// @notice Som POS probes the configured token for the offline payment kinds it can settle. This
///         token stands for a som stablecoin that can only be moved by signed transfers, so a till
///         pointed at it must refuse EIP-3009 authorizations offline.
/// @dev Self-contained (no imports) so the source hash and the committed artifact
///      (pos_app/chain/artifacts/PlainToken.json) stay reproducible with the pinned solc.
contract PlainToken {
    string private _name;
    string private _symbol;
    uint8 private immutable _decimals;
    uint256 private _totalSupply;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;

    /// @notice The only account allowed to mint (and, in GuardedToken, to pause and blacklist).
    address public immutable minter;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        _name = name_;
        _symbol = symbol_;
        _decimals = decimals_;
        minter = msg.sender;
    }

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

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        require(allowed >= value, "PlainToken: insufficient allowance");
        if (allowed != type(uint256).max) {
            _allowances[from][msg.sender] = allowed - value;
        }
        _transfer(from, to, value);
        return true;
    }

    function mint(address to, uint256 value) external {
        require(msg.sender == minter, "PlainToken: caller is not the minter");
        require(to != address(0), "PlainToken: mint to the zero address");
        _totalSupply += value;
        _balances[to] += value;
        emit Transfer(address(0), to, value);
    }

    function _transfer(address from, address to, uint256 value) internal virtual {
        require(to != address(0), "PlainToken: transfer to the zero address");
        uint256 balance = _balances[from];
        require(balance >= value, "PlainToken: transfer amount exceeds balance");
        unchecked {
            _balances[from] = balance - value;
        }
        _balances[to] += value;
        emit Transfer(from, to, value);
    }
}

/// @title GuardedToken - PlainToken with a pause switch and a blacklist, the way issued
///        stablecoins (USDC: paused(), isBlacklisted(address)) let their issuer stop transfers.
contract GuardedToken is PlainToken {
    bool public paused;
    mapping(address => bool) public isBlacklisted;

    event Paused(bool paused);
    event Blacklisted(address indexed account, bool blacklisted);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) PlainToken(name_, symbol_, decimals_) {}

    function setPaused(bool value) external {
        require(msg.sender == minter, "GuardedToken: caller is not the minter");
        paused = value;
        emit Paused(value);
    }

    function setBlacklisted(address account, bool value) external {
        require(msg.sender == minter, "GuardedToken: caller is not the minter");
        isBlacklisted[account] = value;
        emit Blacklisted(account, value);
    }

    function _transfer(address from, address to, uint256 value) internal override {
        require(!paused, "GuardedToken: paused");
        require(!isBlacklisted[from] && !isBlacklisted[to], "GuardedToken: account is blacklisted");
        super._transfer(from, to, value);
    }
}

/// @title TokenProxy - a minimal EIP-1967 proxy, the way upgradeable stablecoins (USDC) are deployed:
///        the token's functions live in the logic contract, so they are not in the proxy's own code.
contract TokenProxy {
    // bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1)
    bytes32 private constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    constructor(address implementation) {
        assembly {
            sstore(IMPLEMENTATION_SLOT, implementation)
        }
    }

    fallback() external payable {
        assembly {
            let impl := sload(IMPLEMENTATION_SLOT)
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 {
                revert(0, returndatasize())
            }
            default {
                return(0, returndatasize())
            }
        }
    }
}
