package io.domainbridge.it.failure;

import io.domainbridge.it.scenarios.Command;
import io.domainbridge.it.scenarios.ScenarioDriver;

/**
 * Counts the events a load commits and holds the load once it reached the number the gate is open up to, until it is
 * opened further: each kill then lands exactly at its planned point of the stream, however long the cluster took to
 * recover from the previous one.
 */
final class EventGate implements ScenarioDriver.CommitListener {

    private int produced;
    private int openUpTo;

    EventGate(int openUpTo) {
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

    synchronized int produced() {
        return produced;
    }

    synchronized void openUpTo(int events) {
        openUpTo = events;
        notifyAll();
    }
}
