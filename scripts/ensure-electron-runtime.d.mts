export declare const DESKTOP_NODE: string;
export declare function nodeAtLeast(version: string, minimum: string): boolean;
