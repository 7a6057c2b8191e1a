// The dry-run panel's script (replaced by the panel implementation).
export {};
