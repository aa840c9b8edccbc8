package kpi

import "time"

// calendarExceptions returns the exceptions the spec's calendar adds to a
// schedule whose weekly spans are set: a closed day for each of its
// holidays and a day of make-up hours for each of its make-up days, leaving
// out the dates the spec lists itself (in seen). It reports whether any
// make-up day has working time.
func (s *Schedule) calendarExceptions(spec ScheduleSpec, seen map[int64]string) ([]exception, bool, error) {
	if spec.Calendar.IsZero() {
		if len(spec.MakeUpHours) > 0 {
			return nil, false, fieldErr(opSchedule, "make_up_hours", nil, ErrInconsistent, "make-up hours need a calendar")
		}
		return nil, false, nil
	}
	mk, err := spans("make_up_hours", spec.MakeUpHours)
	if err != nil {
		return nil, false, err
	}
	if len(mk) == 0 {
		for wd := time.Monday; wd <= time.Friday && len(mk) == 0; wd++ {
			mk = s.week[wd]
		}
	}
	if len(mk) == 0 && len(spec.Calendar.makeUp) > 0 {
		return nil, false, fieldErr(opSchedule, "make_up_hours", nil, ErrEmpty,
			"the calendar's make-up working days need hours, and no weekday Monday-Friday has any")
	}
	out := make([]exception, 0, len(spec.Calendar.holidays)+len(spec.Calendar.makeUp))
	for _, z := range spec.Calendar.holidays {
		if _, own := seen[z]; !own {
			out = append(out, exception{day: z})
		}
	}
	working := false
	for _, z := range spec.Calendar.makeUp {
		if _, own := seen[z]; !own {
			out = append(out, exception{day: z, spans: mk})
			working = true
		}
	}
	return out, working, nil
}
