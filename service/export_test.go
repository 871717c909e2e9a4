package service

import "time"

// AsOfFromStore answers AsOf the slow way, for comparison: it reads and
// undoes the stored revisions after t, and neither uses nor keeps past
// views or the edit log.
func (s *Service) AsOfFromStore(t time.Time) (*View, error) {
	es, err := s.editStore()
	if err != nil {
		return nil, err
	}
	return s.asOfFromStore(es, s.View(), t, false)
}
