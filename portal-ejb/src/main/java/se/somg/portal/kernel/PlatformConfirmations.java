package se.somg.portal.kernel;

/**
 * Whether SOMG's platforms still owe the confirmation of a change (policy §7: an erasure, restriction or objection is
 * done only when every platform holding the person has carried it out). Asked by the feature that made the change,
 * answered by the platform feature, which announces {@link PlatformsConfirmed} when the last one comes in.
 */
public interface PlatformConfirmations {

    /**
     * @return how many platforms holding the person have neither confirmed this kind of change nor been excused by
     *     the privacy officer
     */
    long outstanding(long customerId, CustomerChange.Kind kind);
}
