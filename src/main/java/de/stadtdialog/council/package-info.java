/**
 * Template T6, the council decision: motions (Beschlussvorlagen) with the participation results, their
 * consultations in council bodies and meetings, the results, the published decision, feedback to participants and
 * the OParl 1.1 view of it all. {@link de.stadtdialog.council.OpenParticipationFormats} and
 * {@link de.stadtdialog.council.ParticipantFeedback} are what the participation modules implement.
 */
package de.stadtdialog.council;
