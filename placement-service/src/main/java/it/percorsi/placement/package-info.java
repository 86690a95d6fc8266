/** placement-service: host organisations, internships, attendance, hires and outcomes. */
package it.percorsi.placement;
