//! The carousel's state from its layout, as pure arithmetic: which page is in view, how many pages
//! there are, whether each end is reached, where the buttons, the dots, the keys and the rotation
//! go. The element module measures the track (the DOM is its part) and writes the result back;
//! what it measures and what it does with it are decided here, with native tests. (Embla keeps
//! its `Counter` and `ScrollSnaps` apart from its DOM handlers in the same way.)

/// The track as measured: in pixels along its scrolling axis, the distance scrolled from its
/// start whatever the direction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// How many slides there are.
    pub slides: usize,
    /// The distance from one slide's start to the next one's.
    pub pitch: f64,
    /// The width of the track's visible part.
    pub width: f64,
    /// How far the track is scrolled from its start.
    pub offset: f64,
    /// How far it can scroll (its content's width less its visible width).
    pub end: f64,
}

/// What the carousel shows for a [`Layout`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// Whether the slides overflow the track: the buttons and the pager show only then.
    pub overflows: bool,
    /// Whether the track is at its start ("previous" is disabled).
    pub at_start: bool,
    /// Whether the track is at its end ("next" is disabled).
    pub at_end: bool,
    /// The pages: a page is the slides wholly in view together; 0 when nothing overflows.
    pub pages: usize,
    /// The page in view, from 0.
    pub page: usize,
}

/// A scroll position this close to an end (in pixels) is that end: browsers round scroll offsets.
const SLACK: f64 = 1.0;

impl Layout {
    /// The first slide in view (the one the track's start is nearest).
    pub fn first(&self) -> usize {
        if self.pitch <= 0.0 {
            return 0;
        }
        ((self.offset / self.pitch).round().max(0.0) as usize).min(self.slides.saturating_sub(1))
    }

    /// How many slides are wholly in view: at least one (a slide a hair too wide still counts).
    pub fn per_view(&self) -> usize {
        if self.pitch <= 0.0 {
            return 1;
        }
        ((self.width / self.pitch + 0.05).floor() as usize).max(1)
    }

    /// What the carousel shows.
    ///
    /// ```
    /// use storycard::carousel::Layout;
    /// // 8 slides of 250 px in a 1,000 px track, scrolled to the third page's start.
    /// let view = Layout { slides: 8, pitch: 250.0, width: 1000.0, offset: 1000.0, end: 1000.0 }.view();
    /// assert_eq!((view.pages, view.page, view.at_end), (2, 1, true));
    /// ```
    pub fn view(&self) -> View {
        let overflows = self.end > SLACK;
        let at_start = self.offset <= SLACK;
        let at_end = self.offset >= self.end - SLACK;
        if !overflows {
            return View {
                overflows,
                at_start,
                at_end,
                pages: 0,
                page: 0,
            };
        }
        let per_view = self.per_view();
        let pages = self.slides.div_ceil(per_view);
        let page = if at_end {
            pages.saturating_sub(1)
        } else {
            ((self.first() as f64 / per_view as f64).round() as usize).min(pages.saturating_sub(1))
        };
        View {
            overflows,
            at_start,
            at_end,
            pages,
            page,
        }
    }

    /// The slide "next" (`forward`) or "previous" brings to the start: the slides in view move
    /// by as many as are wholly in view. `None` at that end; the rotation then starts over at 0.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let view = self.view();
        if (forward && view.at_end) || (!forward && view.at_start) {
            return None;
        }
        let first = self.first();
        let per_view = self.per_view();
        Some(if forward {
            (first + per_view).min(self.slides.saturating_sub(1))
        } else {
            first.saturating_sub(per_view)
        })
    }

    /// The slide page `page`'s dot brings to the start.
    pub fn page_start(&self, page: usize) -> usize {
        (page * self.per_view()).min(self.slides.saturating_sub(1))
    }

    /// The slide a key moves to from slide `from` (the focused slide, else the first in view):
    /// the arrows by one slide (mirrored when `rtl`), Home and End to the ends; `None` for any
    /// other key.
    pub fn key(&self, key: &str, from: Option<usize>, rtl: bool) -> Option<usize> {
        let at = from.unwrap_or_else(|| self.first());
        let last = self.slides.saturating_sub(1);
        let (ahead, back) = if rtl {
            ("ArrowLeft", "ArrowRight")
        } else {
            ("ArrowRight", "ArrowLeft")
        };
        match key {
            k if k == ahead => Some((at + 1).min(last)),
            k if k == back => Some(at.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(last),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `slides` slides of 100 px, `in_view` of them wholly in view, scrolled to slide `first`.
    fn layout(slides: usize, in_view: usize, first: usize) -> Layout {
        let width = 100.0 * in_view as f64;
        let end = (100.0 * slides as f64 - width).max(0.0);
        Layout {
            slides,
            pitch: 100.0,
            width,
            offset: (100.0 * first as f64).min(end),
            end,
        }
    }

    #[test]
    fn nothing_overflows_no_pages_and_both_ends_reached() {
        let view = layout(3, 4, 0).view();
        assert_eq!(
            view,
            View {
                overflows: false,
                at_start: true,
                at_end: true,
                pages: 0,
                page: 0
            }
        );
        assert_eq!(layout(3, 4, 0).step(true), None);
    }

    #[test]
    fn pages_are_the_slides_in_view_together() {
        // 10 slides, 3 in view: pages 0, 1, 2 and a last one of one slide.
        assert_eq!(layout(10, 3, 0).view().pages, 4);
        assert_eq!(layout(10, 3, 3).view().page, 1);
        assert_eq!(layout(10, 3, 6).view().page, 2);
        // At the end, the last page, whatever the first slide in view.
        let end = layout(10, 3, 9).view();
        assert!(end.at_end && !end.at_start);
        assert_eq!(end.page, 3);
        // One slide in view (a phone): a page a slide.
        assert_eq!(
            layout(8, 1, 5).view(),
            View {
                overflows: true,
                at_start: false,
                at_end: false,
                pages: 8,
                page: 5
            }
        );
    }

    #[test]
    fn the_buttons_move_by_the_slides_in_view_and_stop_at_the_ends() {
        let l = layout(10, 3, 3);
        assert_eq!(l.step(true), Some(6));
        assert_eq!(l.step(false), Some(0));
        assert_eq!(layout(10, 3, 0).step(false), None);
        assert_eq!(layout(10, 3, 9).step(true), None);
        assert_eq!(layout(10, 3, 1).step(false), Some(0));
    }

    #[test]
    fn a_dot_brings_its_page_and_keys_move_a_slide_mirrored_right_to_left() {
        let l = layout(10, 3, 0);
        assert_eq!(l.page_start(2), 6);
        assert_eq!(l.page_start(9), 9);
        assert_eq!(l.key("ArrowRight", Some(4), false), Some(5));
        assert_eq!(l.key("ArrowRight", Some(4), true), Some(3));
        assert_eq!(l.key("ArrowLeft", Some(0), false), Some(0));
        assert_eq!(l.key("ArrowLeft", None, true), Some(1));
        assert_eq!(l.key("End", None, false), Some(9));
        assert_eq!(l.key("Home", Some(7), false), Some(0));
        assert_eq!(l.key("Enter", Some(7), false), None);
    }

    #[test]
    fn rounding_and_a_slide_a_hair_too_wide_do_not_lose_a_slide() {
        let l = Layout {
            slides: 8,
            pitch: 250.4,
            width: 999.0,
            offset: 500.7,
            end: 1003.2,
        };
        assert_eq!(l.per_view(), 4);
        assert_eq!(l.first(), 2);
        let almost_end = Layout {
            offset: 1002.6,
            ..l
        };
        assert!(almost_end.view().at_end);
    }
}
