/**
 * The shared kernel below the feature slices: contracts every feature implements or uses and that belong to no
 * single feature. It depends on no feature; features depend on it (ArchitectureTest keeps both true).
 */
package se.somg.portal.kernel;
