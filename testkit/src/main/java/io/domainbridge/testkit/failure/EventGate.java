package io.domainbridge.testkit.failure;

import io.domainbridge.testkit.scenarios.Command;
import io.domainbridge.testkit.scenarios.ScenarioDriver;

/**
 * Counts the events a load commits and holds the load once it reached the number the gate is open up to, until it is
 * opened further: each kill then lands exactly at its planned point of the stream, however long the cluster took to
 * recover from the previous one.
 */
public final class EventGate implements ScenarioDriver.CommitListener {

    private int produced;
    private int openUpTo;

    public EventGate(int openUpTo) {
        this.openUpTo = openUpTo;
    }

    @Override
    public synchronized void committed(int index, Command command, long committedAtMillis) {
        produced += command.events().size();
        try {
            while (produced >= openUpTo) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized int produced() {
        return produced;
    }

    public synchronized void openUpTo(int events) {
        openUpTo = events;
        notifyAll();
    }
}
