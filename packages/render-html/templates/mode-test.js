// Test mode (see study-modes.js for the contract).
