/**
 * The whole procedure Kaiserslautern ran for its participation guidelines ("Leitlinien für Bürgerbeteiligung"):
 * a council mandate, then the templates as call activities — call for members with lottery, the working group's
 * public sessions, online commenting on the draft, the council decision with feedback and evaluation. This module
 * holds only what belongs to the composition (the mandate, the plan of the next session, the outcome); each
 * template keeps its own data, linked to the same procedure.
 */
package de.stadtdialog.guidelines;
