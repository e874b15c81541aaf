//! Carousel position as plain numbers, so the browser layer only measures and scrolls.

/// Where the track stands, from the measures the browser gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Track {
    /// How far the track is scrolled from its start, in CSS pixels (positive in both directions).
    pub offset: f64,
    /// The visible width of the track.
    pub viewport: f64,
    /// The full width of the track's content.
    pub content: f64,
}

/// Half a pixel of slack: browsers round scroll positions on high-density screens.
const SLACK: f64 = 1.0;

impl Track {
    /// Whether there is something before the visible part.
    pub fn can_prev(&self) -> bool {
        self.offset > SLACK
    }

    /// Whether there is something after the visible part.
    pub fn can_next(&self) -> bool {
        self.offset + self.viewport < self.content - SLACK
    }

    /// Whether every slide is visible at once (the buttons have nothing to do).
    pub fn fits(&self) -> bool {
        self.content <= self.viewport + SLACK
    }

    /// How far one press of a button moves: as many whole slides as are fully visible (at least
    /// one), `pitch` being the distance from one slide's start to the next one's.
    pub fn step(&self, pitch: f64) -> f64 {
        if pitch <= 0.0 {
            return self.viewport;
        }
        let whole = (self.viewport / pitch + 0.05).floor().max(1.0);
        whole * pitch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_ends() {
        let start = Track {
            offset: 0.0,
            viewport: 300.0,
            content: 900.0,
        };
        assert!(!start.can_prev() && start.can_next() && !start.fits());
        let end = Track {
            offset: 600.0,
            viewport: 300.0,
            content: 900.0,
        };
        assert!(end.can_prev() && !end.can_next());
        let rounded = Track {
            offset: 599.5,
            viewport: 300.0,
            content: 900.0,
        };
        assert!(!rounded.can_next());
        let all = Track {
            offset: 0.0,
            viewport: 900.0,
            content: 900.0,
        };
        assert!(all.fits() && !all.can_prev() && !all.can_next());
    }

    #[test]
    fn steps_by_whole_visible_slides() {
        let t = Track {
            offset: 0.0,
            viewport: 620.0,
            content: 2000.0,
        };
        assert_eq!(t.step(200.0), 600.0);
        assert_eq!(t.step(700.0), 700.0);
        assert_eq!(t.step(0.0), 620.0);
    }
}
