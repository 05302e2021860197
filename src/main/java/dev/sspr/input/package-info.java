/** Input rules shared by every form: text that is safe to process (no control characters, valid Unicode). */
@org.springframework.modulith.ApplicationModule(displayName = "Input", allowedDependencies = {})
package dev.sspr.input;
