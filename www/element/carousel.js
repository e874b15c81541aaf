// The card's behaviour on a rendered shadow root: the "Read more" toggle, the carousel's buttons,
// keys, pager and opt-in rotation. Only DOM wiring lives here: where the carousel is and where a
// button, a dot or a key takes it is the crate's arithmetic (src/carousel.rs), called through the
// module's bindings with what this file measures.
import { DATA, ID, PART } from '../vocabulary.js';

/** The `performance.mark` made each time a card gets its behaviour. */
export const INTERACTIVE = 'storycard:interactive';

/**
 * A server-rendered card's behaviour before the widget's module has loaded, from the module with
 * the carousel's arithmetic alone: "Read more", the buttons, keys and pager work while the widget
 * reads the story. The widget's first render then takes the markup over as it is (when it is the
 * view the server wrote, which it checks by the view's fingerprint) and gives it its own
 * behaviour, calling `stop` first. Until then no `storycard:select` nor impression is told: they
 * need the story. When the small module cannot load, `stop` has nothing to stop.
 */
export function behaveEarly(root, autoplay, load) {
  let stopped = false;
  let undo = null;
  load().then(
    (rust) => {
      if (!stopped) undo = behave(root, autoplay, rust);
    },
    () => {},
  );
  return {
    stop() {
      stopped = true;
      undo?.();
      undo = null;
    },
  };
}

/** The seconds between two rotations when `autoplay` gives no number. */
const ROTATION = 5;

/**
 * Gives the card on `root` its behaviour; `rust` is the module's bindings (its `carousel*`
 * functions). Returns the function that removes every listener, observer and timer it added.
 */
export function behave(root, autoplay, rust) {
  // (a User Timing mark, for the page's own measurements: the card's controls work from here)
  performance.mark(INTERACTIVE);
  const abort = new AbortController();
  const options = { signal: abort.signal };
  const el = (id) => root.getElementById(id);
  const track = el(ID.track);
  const rotate = el(ID.rotate);
  let timer = 0;
  let resize;

  // The track as the crate's `Layout` reads it: the slides, the distance from one slide to the
  // next, the visible width, how far it is scrolled (scrollLeft is negative right to left) and
  // how far it can scroll.
  const layout = () => {
    const [first, second] = track.children;
    const pitch = second
      ? Math.abs(second.getBoundingClientRect().left - first.getBoundingClientRect().left)
      : first.getBoundingClientRect().width;
    return [track.children.length, pitch, track.clientWidth, Math.abs(track.scrollLeft), track.scrollWidth - track.clientWidth];
  };

  // Shows the buttons and the pager only when the slides overflow, disables each button at its
  // end, and marks the page in view: a dot per page (the view made them, hidden), or "2 / 14"
  // past ten pages. No node is added or removed.
  const refresh = () => {
    const [overflows, atStart, atEnd, pages, page] = rust.carouselView(...layout());
    const pager = el(ID.pager);
    const dots = [...pager.children];
    el(ID.controls).hidden = !overflows;
    // (setAttribute writes a boolean as "true" or "false")
    el(ID.prev).setAttribute('aria-disabled', !!atStart);
    el(ID.next).setAttribute('aria-disabled', !!atEnd);
    // (hidden, the dots leave the pager its height: nothing below moves)
    const counted = pages > dots.length;
    if (counted) pager.dataset[DATA.count] = `${page + 1} / ${pages}`;
    else delete pager.dataset[DATA.count];
    for (const dot of dots) {
      dot.hidden = counted || dot.dataset[DATA.page] >= pages;
      dot.part = dot.dataset[DATA.page] == page ? `${PART.dot} ${PART.current}` : PART.dot;
    }
  };

  // Brings slide `to` to the start of the track (CSS decides whether smoothly). From a button or
  // a key (`say`), it says where the reader is ("slide 3 of 8") in the polite live region, and
  // brings the carousel into view; with `focus`, focus moves to the slide's link. The rotation
  // says nothing and scrolls the track alone.
  const go = (to, say, focus) => {
    const slide = track.children[to];
    if (say) {
      slide.scrollIntoView({ block: 'nearest', inline: 'start' });
      el(ID.status).textContent = `${slide.getAttribute('aria-roledescription')} ${slide.getAttribute('aria-label')}`;
    } else {
      const edge = track.matches(':dir(rtl)') ? 'right' : 'left';
      track.scrollBy({ left: slide.getBoundingClientRect()[edge] - track.getBoundingClientRect()[edge] });
    }
    if (focus) (slide.querySelector('a') ?? ((slide.tabIndex = -1), slide)).focus({ preventScroll: true });
  };

  // The buttons move by the slides that are fully visible; the rotation starts over at the end.
  const scroll = (forward, say) => {
    const to = rust.carouselStep(...layout(), forward);
    if (to >= 0) go(to, say);
    else if (!say) go(0);
  };

  // The rotation: off unless asked for, and with reduced motion; once stopped, by the button,
  // a pointer over the carousel, focus in it or any interaction, it stays stopped until the
  // button starts it again.
  const play = (on) => {
    clearInterval(timer);
    timer = on ? setInterval(() => scroll(true), 1000 * (autoplay > 0 ? autoplay : ROTATION)) : 0;
    if (rotate) {
      rotate.setAttribute('aria-label', on ? rotate.dataset[DATA.pause] : rotate.dataset[DATA.play]);
      rotate.part = on ? `${PART.rotate} ${PART.playing}` : PART.rotate;
    }
  };
  // (The rotation button itself does not stop it: it says what a press does.)
  const stop = (event) => {
    if (timer && event.target !== rotate) play(false);
  };

  // Left and right arrows (mirrored right to left), Home and End move between slides while focus
  // is in the carousel.
  const key = (event) => {
    if (!event.target.closest?.(`[part~="${PART.related}"]`) || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = event.target.closest('[role="group"]');
    const from = current ? [...track.children].indexOf(current) : -1;
    const to = rust.carouselKey(...layout(), event.key, from, track.matches(':dir(rtl)'));
    if (to < 0) return;
    event.preventDefault();
    go(to, true, true);
  };

  root.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('button');
      if (!button) return;
      if (button.id === ID.more) {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', open);
        button.textContent = open ? button.dataset[DATA.less] : button.dataset[DATA.more];
        el(ID.body).hidden = !open;
      } else if (button === rotate) {
        play(!timer);
      } else if (button.id === ID.prev || button.id === ID.next) {
        scroll(button.id === ID.next, true);
      } else if (button.dataset[DATA.page]) {
        go(rust.carouselPageStart(...layout(), Number(button.dataset[DATA.page])), true);
      }
    },
    options,
  );
  root.addEventListener('keydown', key, options);

  // (a server-rendered card shows "Read more" only once it works)
  if (el(ID.more)) el(ID.more).hidden = false;
  if (track) {
    root.addEventListener('scroll', refresh, { ...options, capture: true, passive: true });
    for (const type of ['pointerover', 'pointerdown', 'focusin', 'keydown', 'wheel', 'touchstart']) {
      track.parentNode.addEventListener(type, stop, { ...options, passive: true });
    }
    resize = new ResizeObserver(refresh);
    resize.observe(track);
    play(autoplay && !matchMedia('(prefers-reduced-motion: reduce)').matches);
  }
  return () => {
    abort.abort();
    resize?.disconnect();
    clearInterval(timer);
  };
}
