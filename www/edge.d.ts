// storycard/edge: the story card written into an article as it streams through a CDN worker.
import type { RenderOptions } from './storycard_server.js';

export interface EdgeOptions extends Omit<RenderOptions, 'url' | 'id'> {
  /** The CSS selector list of the page's related-link containers (the element's `related`). */
  related?: string;
  /**
   * Where the card goes on pages without a `<story-card>` element: before the first element
   * this CSS selector matches. The card is then read from the page itself.
   */
  at?: string;
  /** The id of the data island the card writes (`storycard-edge-data` unless given). */
  id?: string;
}

export interface EdgeEnv {
  /** The origin's address, for a worker in front of another host. */
  ORIGIN?: string;
  /** The options, as JSON text or an object; those given to `edge()` come over them. */
  STORYCARD?: string | EdgeOptions;
}

export interface EdgeWorker {
  fetch(request: Request, env?: EdgeEnv, ctx?: unknown): Promise<Response>;
}

/** A worker with these options (over `env.STORYCARD`'s). */
export function edge(options?: EdgeOptions): EdgeWorker;

/** The worker with `env.STORYCARD`'s options. */
declare const worker: EdgeWorker;
export default worker;
