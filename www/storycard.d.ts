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
  /** Its address, when it had one. */
  url?: string;
  reason: 'same-url' | 'same-headline' | 'near-duplicate' | 'self' | 'shown-elsewhere';
  /** Index in `related` of the story it was merged into; absent for the article itself and for a story another widget shows. */
  mergedInto?: number;
  /** For a near duplicate: how similar the two entries are, from 0.7 to 1 (two decimals). */
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

/**
 * `storycard:select` detail (a reader opens a related story; cancelable on a plain click, so that a
 * single-page app can route instead) and `storycard:impression` detail (a related slide was at
 * least half in view for one second; once per story per mount).
 */
export interface StoryEventDetail {
  /** The story, as in `ReadyDetail.related`. */
  story: RelatedStory;
  /** Its position in `ReadyDetail.related` (0-based). */
  position: number;
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
  /**
   * Reading a page: another document to read than the host's, such as one `DOMParser` made of a
   * page's HTML (its scripts never run). Its related lists are the ones `related` selects.
   */
  page?: Document;
  /** Reading `page`: its address, for relative links and for leaving the article itself out. */
  url?: string;
  /** Reading the page: a CSS selector list of its own related-link containers, whose links become candidates. */
  related?: string;
  /**
   * Reading the page: hide the `related` containers once the carousel has rendered (shown again on
   * `destroy()`); a selector hides only the containers it matches.
   */
  hideRelated?: boolean | string;
  /** Most related stories shown, after dedupe (default 20). */
  max?: number | string;
  /** Language of labels and dates (default: the article's, else the page's). */
  lang?: string;
  /** The site's own tracking parameters, ignored when comparing addresses (besides the campaign tags and click identifiers storycard knows: utm_*, itm_*, CMP, ref, fbclid, gclid, msclkid and others; see docs/dedupe.md). */
  trackingParams?: string[];
  /** `false` lets this widget repeat stories that other widgets on the page show (default: each story once per page). */
  pageDedupe?: boolean;
  /**
   * `false` (or `'off'`) keeps near duplicates: the same story under a reworded headline, or under
   * another site's address with its headline reworded (`reason: 'near-duplicate'`). Exact repeats
   * (by address, or by headline where one has no address or they are on two sites) are always
   * removed. Default: near duplicates go too.
   */
  nearDuplicates?: boolean | 'off';
  /** Print each render's removed entries, with their reasons, as a console table. */
  debug?: boolean;
  /**
   * Rotate the slides by themselves, every 5 seconds or every given number of seconds. Off with
   * `prefers-reduced-motion: reduce`; a button (first in the carousel's tab order) starts and
   * stops it; a pointer over the carousel, focus in it or any interaction stops it for good.
   */
  autoplay?: boolean | number;
  /** The page's own words for the widget's labels; an empty or missing one keeps the default. */
  labels?: Labels;
  /** Where `storycard_wasm_bg.wasm` is, when not next to this module. */
  wasmUrl?: string | URL;
  /** Where `storycard_page_bg.wasm` (the module that reads the page) is, when not next to this module. */
  pageWasmUrl?: string | URL;
}

/**
 * The widget's words. `slide` and `readingTime` are templates: `{n}` is the slide's position or
 * the minutes, `{total}` the number of slides. As attributes: `label-read-more` and so on.
 */
export interface Labels {
  /** The carousel's heading when the data has none ("Related stories"). */
  related?: string;
  /** The button that shows the full text ("Read more"). */
  readMore?: string;
  /** The same button once the text is shown ("Show less"). */
  readLess?: string;
  /** Name of the "previous" button ("Previous stories"). */
  prev?: string;
  /** Name of the "next" button ("Next stories"). */
  next?: string;
  /** The word before the last author ("and"). */
  and?: string;
  /** Name of a slide ("{n} of {total}"). */
  slide?: string;
  /** The reading time ("{n} min read"). */
  readingTime?: string;
  /** What a slide is, to assistive technology ("slide"). */
  slideRole?: string;
  /** What the related list is, to assistive technology ("carousel"). */
  carouselRole?: string;
  /** Shown when the story cannot be ("This story could not be shown."). */
  unavailable?: string;
  /** Name of the button that starts the rotation ("Start automatic slide show"). */
  play?: string;
  /** Name of the same button while the slides rotate ("Stop automatic slide show"). */
  pause?: string;
}

export interface StoryCardHandle {
  /** Renders new data; resolves once it is shown (a long related list takes a few tasks). */
  update(data: StoryData): Promise<void>;
  destroy(): void;
}

export function mount(host: Element, options?: MountOptions): Promise<StoryCardHandle>;

/**
 * The WebAssembly memory of the module that widgets given their data use (with `page`, of the
 * module for widgets that read the page), loaded if no widget has loaded it yet.
 */
export function wasmMemory(page?: boolean): Promise<WebAssembly.Memory>;

export class StoryCardElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'story-card': StoryCardElement;
  }
  interface HTMLElementEventMap {
    'storycard:ready': CustomEvent<ReadyDetail>;
    'storycard:error': CustomEvent<ErrorDetail>;
    'storycard:select': CustomEvent<StoryEventDetail>;
    'storycard:impression': CustomEvent<StoryEventDetail>;
  }
}
