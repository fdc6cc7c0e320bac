package io.domainbridge.testkit.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where in a stream of events a worker is killed: the stream cut into equal stretches, one kill per stretch at a
 * random point of its middle half, so that kills land anywhere mid-stream yet leave the cluster time to recover in
 * between.
 */
public final class KillPoints {

    private KillPoints() {}

    /** The number of events produced so far at which each kill is due, ascending. */
    public static List<Integer> of(int events, int kills, Random random) {
        int stretch = events / kills;
        List<Integer> points = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            points.add(i * stretch + stretch / 4 + random.nextInt(stretch / 2));
        }
        return points;
    }
}
