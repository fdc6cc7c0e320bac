package io.domainbridge.testkit.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the Logistics domain's {@code shipping.packages} table, as the source domain holds it. */
public record Package(
        long id,
        String trackingCode,
        String status,
        String location,
        int weightGrams,
        String recipientName,
        String recipientEmail,
        String recipientPhone,
        LocalDate deliveredOn,
        BigDecimal internalCost,
        String customsNotes) {

    public Package moved(String newStatus, String newLocation) {
        return new Package(
                id,
                trackingCode,
                newStatus,
                newLocation,
                weightGrams,
                recipientName,
                recipientEmail,
                recipientPhone,
                deliveredOn,
                internalCost,
                customsNotes);
    }

    public Package delivered(LocalDate on) {
        return new Package(
                id,
                trackingCode,
                "DELIVERED",
                location,
                weightGrams,
                recipientName,
                recipientEmail,
                recipientPhone,
                on,
                internalCost,
                customsNotes);
    }
}
