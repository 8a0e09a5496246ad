import type { Analysis, AnalyseOptions, Cleaned, Entity, Sentence } from "./teks.js";

/** Cancellation and progress for one call. */
export interface CallControl {
  /** Aborting rejects the call with an AbortError (the worker is restarted). */
  signal?: AbortSignal;
  /** Called with UTF-16 units done and total. */
  onProgress?: (done: number, total: number) => void;
}

/** The teks API running in a module worker. */
export interface Analyser {
  analyse(text: string, options?: AnalyseOptions, control?: CallControl): Promise<Analysis>;
  clean(text: string, options?: AnalyseOptions, control?: CallControl): Promise<Cleaned>;
  splitSentences(text: string, options?: AnalyseOptions, control?: CallControl): Promise<Sentence[]>;
  countEntities(text: string, options?: AnalyseOptions, control?: CallControl): Promise<Entity[]>;
  /** Ends the worker; pending calls reject with an AbortError. */
  terminate(): void;
}

/** Where the worker script and the wasm file are, if not beside this module. */
export interface AnalyserConfig {
  workerUrl?: string | URL;
  wasmUrl?: string | URL;
}

export declare class AbortError extends Error {}

/** Starts an analyser backed by a module worker. */
export declare function createAnalyser(config?: AnalyserConfig): Analyser;
