/** The modules our integrations make (src/integrations/log-bodies.ts). */
declare module 'virtual:nisshi/log-bodies' {
  /** Where the loader keeps the rendered bodies for this command: an absolute path ending in a separator. */
  export const folder: string;
  /** Whether this is `astro dev`. */
  export const dev: boolean;
}
