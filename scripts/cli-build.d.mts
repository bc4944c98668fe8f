/** Types of scripts/cli-build.mjs, for the tests and the bench that use it. */
export declare const ROOT: string;
export declare const COMMANDS: readonly ['feed', 'market', 'settings'];
export declare const OUT_DIR: string;
export declare function commandBundle(command: 'feed' | 'market' | 'settings'): string;
export declare function staleReason(): string | null;
export declare function buildCli(): Promise<string[]>;
export declare function ensureCliBuilt(onBuild?: (reason: string) => void): Promise<string | null>;
