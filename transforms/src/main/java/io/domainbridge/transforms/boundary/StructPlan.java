package io.domainbridge.transforms.boundary;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** What the boundary does to structs of one input schema, worked out once and reused for every record. */
public interface StructPlan {

    Schema outputSchema();

    Struct apply(Struct input);
}
