/**
 * Procedures and municipalities (tenants): the procedure record every capability starts and every shell lists,
 * and its read model of where the process stands.
 */
package de.stadtdialog.procedure;
