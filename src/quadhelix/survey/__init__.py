"""The partner survey: waves, invitations, answers, scores and the ties they produce."""
