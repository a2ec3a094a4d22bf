/** Base types every module may use: roles and the logged-in staff member. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.stadtdialog.shared;
