package io.domainbridge.transforms.boundary;

/** What happens to the value of a column the contract lets leave the domain. */
public enum Treatment {
    /** The value leaves as it is. */
    KEEP,
    /** The value is replaced by null, or by the zero value of its type when the column is required. */
    MASK,
    /** The value is replaced by its keyed HMAC-SHA-256, as lowercase hex text. */
    PSEUDONYMIZE
}
