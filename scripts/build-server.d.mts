/** Types of build-server.mjs (plain JavaScript, so it runs before anything compiles TypeScript). */
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare const ENTRY: string;
/** Builds the server bundle into outDir (dist/server by default), replacing the old one only when complete. */
export declare function buildServer(options?: { outDir?: string; quiet?: boolean }): Promise<void>;
/** Whether outDir holds a bundle built from exactly the files on disk now. */
export declare function bundleIsFresh(outDir?: string): boolean;
/** The bundle's entry point as a file URL. */
export declare function bundleEntry(outDir?: string): string;
