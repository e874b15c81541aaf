// The package's declarations as a TypeScript app uses them (strict; `tsc` runs before the build).
import { mount, type MountOptions, type StoryCardHandle, type StoryEventDetail, type ReadyDetail } from 'storycard';

const options: MountOptions = {
  data: { article: { headline: 'Typed' }, related: [{ headline: 'R', url: 'https://news.example/r' }] },
  max: 12,
  autoplay: 8,
  hideRelated: '.most-read',
  labels: { readMore: 'Continue', slide: 'Story {n} of {total}' },
  wasmUrl: new URL('https://cdn.example/storycard_wasm_bg.wasm'),
};

export async function typed(host: HTMLElement): Promise<StoryCardHandle> {
  host.addEventListener('storycard:ready', (event) => {
    const detail: ReadyDetail = event.detail;
    const first: string | undefined = detail.related[0]?.headline;
    const reason: 'same-url' | 'same-headline' | 'near-duplicate' | 'self' | 'shown-elsewhere' | undefined = detail.removed[0]?.reason;
    console.log(first, reason, detail.omitted.toFixed(0));
  });
  host.addEventListener('storycard:select', (event) => {
    const detail: StoryEventDetail = event.detail;
    if (detail.story.url?.startsWith('https://news.example/')) event.preventDefault();
  });
  host.addEventListener('storycard:impression', (event) => console.log(event.detail.position + 1));
  const element = document.createElement('story-card');
  element.setAttribute('source', '#data');
  return mount(host, options);
}

// @ts-expect-error: max is a number or a numeric string, not a boolean
export const wrong: MountOptions = { max: true };
