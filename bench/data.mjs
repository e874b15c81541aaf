// The benchmark's input: an article and N related entries, as a news page's data island carries
// them, a third of which repeat an earlier story (a tracking or www. variant of its address, or
// the same headline without one, the repeat carrying the author). Deterministic for each N.
const WORDS = `harbour ferry council budget election court minister river school hospital market
  storm bridge festival league museum railway housing police port airport energy climate water
  farm tourism union strike station library trial vote tax coast mayor north south city`.split(/\s+/).filter(Boolean);
const AUTHORS = ['Mara Lindqvist', 'Tomás Reyes', 'Idris Okafor', 'Bùi Đức', 'Anh Vũ', 'Song Minh'];

/** A small deterministic generator (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The data of N entries; another `seed` gives another article (other entries, another headline). */
export function data(n, seed = n) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = (count) => Array.from({ length: count }, () => pick(WORDS));
  const capital = (s) => s[0].toUpperCase() + s.slice(1);
  const related = [];
  for (let i = 0; related.length < n; i++) {
    const earlier = related.length > 3 && next() < 1 / 3 ? related[Math.floor(next() * related.length)] : null;
    if (earlier?.url) {
      const variant = next() < 0.5 ? `${earlier.url}?utm_source=related&utm_medium=web` : earlier.url.replace('https://', 'https://www.');
      related.push({ ...earlier, url: variant, author: pick(AUTHORS) });
    } else if (earlier) {
      related.push({ headline: earlier.headline, author: pick(AUTHORS) });
    } else {
      const headline = `${capital(words(1)[0])} ${words(5).join(' ')} ${i}`;
      related.push({
        headline,
        url: `https://news.example/${pick(['city', 'world', 'sport', 'business'])}/2025/04/${i}`,
        description: `${capital(words(12).join(' '))}.`,
        datePublished: `2025-04-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z`,
      });
    }
  }
  return {
    article: {
      headline: seed === n ? 'Harbour ferry returns after a decade as city approves new crossing' : `Council weighs ${pick(WORDS)} plan as ${pick(WORDS)} talks resume`,
      url: seed === n ? 'https://news.example/city/2025/04/02/harbour-ferry-returns' : `https://news.example/city/2025/04/03/council-${seed}`,
      author: 'Mara Lindqvist',
      datePublished: '2025-04-02T07:30:00Z',
      articleSection: 'City',
      description: 'The city council voted 31 to 9 on Tuesday night to bring back the cross-harbour ferry.',
      articleBody: Array.from({ length: 6 }, () => `${capital(words(40).join(' '))}.`),
    },
    relatedHeading: 'Related stories',
    related,
  };
}
