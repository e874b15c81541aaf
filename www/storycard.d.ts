/** A person credited for a story. */
export interface Person {
  name: string;
  url?: string;
}

/** An image; width and height reserve its space. */
export interface StoryImage {
  url: string;
  width?: number;
  height?: number;
  alt?: string;
}

/** The article as the widget read it (schema.org names). */
export interface Article {
  headline: string;
  url?: string;
  author: Person[];
  datePublished?: string;
  description?: string;
  articleBody: string[];
  image?: StoryImage;
  articleSection?: string;
  inLanguage?: string;
  /** The publication's name. */
  publisher?: string;
}

/** One unique related story. */
export interface RelatedStory {
  headline: string;
  url?: string;
  description?: string;
  author: Person[];
  image?: StoryImage;
  datePublished?: string;
}

/** A related entry that is not shown, and why. */
export interface RemovedEntry {
  /** Position in the input `related` list (0-based). */
  position: number;
  headline: string;
  reason: 'same-url' | 'same-headline' | 'near-duplicate' | 'self' | 'shown-elsewhere';
  /** Index in `related` of the story it was merged into; absent for the article itself and for a story another widget shows. */
  mergedInto?: number;
  /** For a near duplicate: how similar the two headlines are, from 0.8 to 1 (two decimals). */
  score?: number;
}

/** Something in the data that was ignored. */
export interface DataWarning {
  path: string;
  message: string;
}

/** `storycard:ready` event detail. */
export interface ReadyDetail {
  article: Article;
  relatedHeading?: string;
  related: RelatedStory[];
  removed: RemovedEntry[];
  /** Unique stories left out by `max`. */
  omitted: number;
  warnings: DataWarning[];
  /**
   * Read from the page (no data island): where each article field came from, such as
   * `{ headline: 'json-ld', image: 'og:image', url: 'canonical' }`.
   */
  provenance?: Partial<Record<keyof Article, string>>;
}

/** `storycard:error` event detail. */
export interface ErrorDetail {
  message: string;
}

/** The data-island format (see storycard.schema.json). */
export interface StoryData {
  article: Record<string, unknown> & { headline: string };
  relatedHeading?: string;
  related?: Array<Record<string, unknown> & { headline?: string }>;
}

export interface MountOptions {
  /** CSS selector of a `<script type="application/json">` data island. */
  source?: string;
  /** The same data as an object; preferred over `source`. Without either, the widget reads the page. */
  data?: StoryData;
  /** Reading the page: a CSS selector list of its own related-link containers, whose links become candidates. */
  related?: string;
  /** Reading the page: hide the `related` containers once the carousel has rendered (shown again on `destroy()`). */
  hideRelated?: boolean;
  /** Most related stories shown, after dedupe (default 20). */
  max?: number | string;
  /** Language of labels and dates (default: the article's, else the page's). */
  lang?: string;
  /** The site's own tracking parameters, ignored when comparing addresses (besides utm_*, fbclid, gclid, mc_cid, mc_eid, ref, cmpid). */
  trackingParams?: string[];
  /** `false` lets this widget repeat stories that other widgets on the page show (default: each story once per page). */
  pageDedupe?: boolean;
  /** Print each render's removed entries, with their reasons, as a console table. */
  debug?: boolean;
  /** Where `storycard_wasm_bg.wasm` is, when not next to this module. */
  wasmUrl?: string | URL;
  /** Where `storycard_page_bg.wasm` (the module that reads the page) is, when not next to this module. */
  pageWasmUrl?: string | URL;
}

export interface StoryCardHandle {
  update(data: StoryData): void;
  destroy(): void;
}

export function mount(host: Element, options?: MountOptions): Promise<StoryCardHandle>;

export class StoryCardElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'story-card': StoryCardElement;
  }
  interface HTMLElementEventMap {
    'storycard:ready': CustomEvent<ReadyDetail>;
    'storycard:error': CustomEvent<ErrorDetail>;
  }
}
