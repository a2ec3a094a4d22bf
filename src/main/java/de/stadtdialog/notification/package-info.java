/** E-mail: sending with at-least-once delivery and dedup, and the outbox page. */
package de.stadtdialog.notification;
