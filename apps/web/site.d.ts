/** The built web app's folder, or undefined when it has not been built. */
export declare const builtWebApp: () => string | undefined;
