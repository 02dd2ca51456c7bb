// The hand-over between the MQTT thread and the GUI thread: positions
// coalesce, events keep their order and are never dropped, a full queue
// holds the producer back, and a wake-up always finds what woke it.

#include "feed/ingestqueue.h"

#include <QTest>

#include <atomic>
#include <condition_variable>
#include <thread>

using namespace gridwall::feed;

namespace {

Event worker(const std::string &id, double lon)
{
    WorkerPosition w;
    w.id = id;
    w.ts = 1;
    w.position = {lon, 41.0};
    return w;
}

Event caseEvent(const std::string &id, int64_t seq)
{
    CaseEvent e;
    e.id = id;
    e.ts = 1;
    e.seq = seq;
    return e;
}

} // namespace

class TestIngestQueue : public QObject
{
    Q_OBJECT

private slots:
    void positionsPassWhileTheConsumerKeepsUp()
    {
        FeedStats stats;
        IngestQueue queue(stats, 100, 100, 8);
        for (int i = 0; i < 5; ++i)
            queue.push(worker("w-1", 122.0 + i));
        QCOMPARE(queue.take().positions.size(), size_t(5));
        QCOMPARE(stats.coalesced.load(), uint64_t(0));
    }

    void positionsCoalesceUnderPressureLatestWins()
    {
        FeedStats stats;
        IngestQueue queue(stats, 100, 100, 8);
        for (int i = 0; i < 10; ++i)
            queue.push(worker("w-1", 122.0 + i));
        queue.push(worker("w-2", 121.0));
        for (int i = 0; i < 100; ++i)
            queue.push(worker("w-1", 200.0 + i)); // far more than a frame's worth: bounded
        const Batch batch = queue.take();
        QCOMPARE(batch.positions.size(), size_t(2));
        QCOMPARE(std::get<WorkerPosition>(batch.positions[0]).position.lon, 299.0);
        QCOMPARE(std::get<WorkerPosition>(batch.positions[1]).position.lon, 121.0);
        QCOMPARE(stats.coalesced.load(), uint64_t(109));
        QVERIFY(queue.take().empty());
        // After the batch is taken, positions flow one by one again.
        queue.push(worker("w-1", 1.0));
        queue.push(worker("w-1", 2.0));
        QCOMPARE(queue.take().positions.size(), size_t(2));
    }

    void eventsKeepTheirOrderAndAllArrive()
    {
        FeedStats stats;
        IngestQueue queue(stats);
        for (int i = 0; i < 1000; ++i)
            queue.push(caseEvent("c-1", i));
        const Batch batch = queue.take();
        QCOMPARE(batch.events.size(), size_t(1000));
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(std::get<CaseEvent>(batch.events[size_t(i)]).seq, int64_t(i));
        QCOMPARE(stats.coalesced.load(), uint64_t(0));
    }

    void aFullQueueHoldsTheProducerBack()
    {
        FeedStats stats;
        IngestQueue queue(stats, 10);
        std::atomic<int> pushed{0};
        std::thread producer([&] {
            for (int i = 0; i < 25; ++i) {
                queue.push(caseEvent("c", i));
                ++pushed;
            }
        });
        QTRY_COMPARE(pushed.load(), 10);
        QTest::qWait(50);
        QCOMPARE(pushed.load(), 10); // waiting, not dropping
        size_t taken = 0;
        while (taken < 25) {
            taken += queue.take().events.size();
            QTest::qWait(5);
        }
        producer.join();
        QCOMPARE(taken, size_t(25));
    }

    void everyWakeUpFindsItsMessage()
    {
        // A consumer that only takes when woken must still get everything.
        FeedStats stats;
        IngestQueue queue(stats);
        std::mutex mutex;
        std::condition_variable cv;
        bool woken = false;
        queue.setWakeUp([&] {
            std::lock_guard lock(mutex);
            woken = true;
            cv.notify_one();
        });
        constexpr int kCount = 20000;
        std::thread producer([&] {
            for (int i = 0; i < kCount; ++i) {
                queue.push(caseEvent("c-" + std::to_string(i % 97), i));
                if (i % 64 == 0)
                    std::this_thread::yield();
            }
        });
        size_t received = 0;
        while (received < size_t(kCount)) {
            std::unique_lock lock(mutex);
            if (!cv.wait_for(lock, std::chrono::seconds(5), [&] { return woken; }))
                break; // a lost wake-up: fail below
            woken = false;
            lock.unlock();
            received += queue.take().events.size();
        }
        producer.join();
        QCOMPARE(received, size_t(kCount));
    }

    void closeReleasesAWaitingProducer()
    {
        FeedStats stats;
        IngestQueue queue(stats, 1);
        queue.push(caseEvent("c", 1));
        std::atomic<bool> returned{false};
        bool accepted = true;
        std::thread producer([&] {
            accepted = queue.push(caseEvent("c", 2));
            returned = true;
        });
        QTest::qWait(30);
        QVERIFY(!returned.load());
        queue.close();
        producer.join();
        QVERIFY(!accepted);
    }
};

QTEST_GUILESS_MAIN(TestIngestQueue)
#include "tst_ingestqueue.moc"
