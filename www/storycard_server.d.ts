// storycard/server: the story card rendered on the server, for Node 20 and newer.
import type { StoryData } from './storycard.js';

export interface RenderOptions {
  /** Language of the labels and dates (the element's `lang`); the article's own, else English. */
  lang?: string;
  /** Related stories shown (the element's `max`, 20 unless given): a whole number, or a string of one. */
  max?: number | string;
  /** Replacements for the widget's words, as the element's `labels` option. */
  labels?: Record<string, string>;
  /** The slides rotate by themselves (the element's `autoplay`). */
  autoplay?: boolean;
  /** `false` or `'off'` keeps near duplicates (the element's `near-duplicates="off"`). */
  nearDuplicates?: boolean | 'off';
  /** The site's own tracking parameters, besides the usual ones. */
  trackingParams?: string[];
  /** The id of the data island written before the element (`storycard-data` unless given). */
  id?: string;
  /** Where `storycard.css` is, linked from the shadow root instead of written into it. */
  stylesheet?: string;
  /** The page's address, for relative links. */
  url?: string;
}

/**
 * Options read by the same rules as the element's: a value that cannot be used keeps its default,
 * with a warning on the console (`storycard: options.max: must be a whole number ...`).
 *
 * The HTML of a data island and a `<story-card>` with the card already in a declarative shadow
 * root, which the element module takes over without building it again. Throws an `Error` with
 * the widget's message when the data cannot be shown.
 */
export function renderToString(data: StoryData | string, options?: RenderOptions): string;
