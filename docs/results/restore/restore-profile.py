#!/usr/bin/env python3
"""What a pod's restoring thread did during its restore after the fault, from a JFR recording of that pod.

Usage: restore-profile.py RECORDING.jfr RESULTS/<scenario>.history.jsonl POD-NAME

Takes the samples (jdk.ExecutionSample, jdk.NativeMethodSample) and the CPU readings (jdk.ThreadCPULoad) of the
pod's Kafka Streams state-updater thread between its first restore-start and its last restore-end after the fault,
and groups the samples by the stack: waiting in KafkaConsumer.poll for fetches, waiting for other broker responses,
writing to the store (RocksDB calls, write batches, segments), the consumer's decoding, other Kafka Streams work.
Needs a JDK's `jfr` tool (JFR_TOOL, default `jfr` on the PATH) and Python 3. How the recordings were made is in
profile.txt next to this file.
"""
import collections, datetime, json, os, subprocess, sys
if len(sys.argv) != 4:
    sys.exit(__doc__)
jfr, history, pod = sys.argv[1], sys.argv[2], sys.argv[3]
h = [json.loads(l) for l in open(history)]
t0 = [e['time'] for e in h if e['type'] == 'fault-injected'][-1]
h = [e for e in h if e['time'] >= t0]
starts = [e['time'] for e in h if e['type'] == 'restore-start' and e['pod'] == pod]
ends = [e['time'] for e in h if e['type'] == 'restore-end' and e['pod'] == pod]
lo, hi = min(starts), max(ends)
out = subprocess.run([os.environ.get('JFR_TOOL', 'jfr'), 'print', '--json', '--stack-depth', '64',
                      '--events', 'jdk.ExecutionSample,jdk.NativeMethodSample,jdk.ThreadCPULoad,jdk.CPULoad', jfr],
                     capture_output=True, text=True).stdout
def ts(s): return datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp() * 1000
groups = collections.Counter(); kinds = collections.Counter(); cpu = []; machine = []; write0 = 0
for e in json.loads(out)['recording']['events']:
    v = e['values']; t = ts(v['startTime'])
    if not (lo <= t <= hi): continue
    if e['type'] == 'jdk.CPULoad':
        machine.append(v['machineTotal'])
        continue
    if e['type'] == 'jdk.ThreadCPULoad':
        if 'StateUpdater' in (v['eventThread'] or {}).get('javaName', ''): cpu.append(v['user'] + v['system'])
        continue
    if 'StateUpdater' not in ((v.get('sampledThread') or {}).get('javaName') or ''): continue
    frames = [f['method']['type']['name'] + '.' + f['method']['name'] for f in (v['stackTrace'] or {}).get('frames', [])]
    text = ' '.join(frames)
    if 'EPoll.wait' in frames[0] and 'pollForFetches' in text: g = 'waiting for fetch responses (KafkaConsumer.poll)'
    elif 'EPoll.wait' in frames[0]: g = 'waiting for other broker responses (offsets, metadata)'
    elif 'org/rocksdb/' in text or 'restoreAllInternal' in text or 'getWriteBatches' in text: g = 'writing to the store (RocksDB, segments)'
    elif 'org/apache/kafka/clients/' in text or 'org/apache/kafka/common/' in text: g = 'consumer work (decoding fetched records)'
    else: g = 'other Kafka Streams work'
    write0 += frames[0] == 'org/rocksdb/RocksDB.write0'
    groups[g] += 1; kinds[e['type'].split('.')[-1]] += 1
n = sum(groups.values())
print(f'restore window of {pod}: {(hi - lo) / 1000:.2f} s; {n} samples of its StateUpdater thread {dict(kinds)}')
for g, c in groups.most_common(): print(f'  {100 * c / n:5.1f} %  {c:4}  {g}')
print(f'  RocksDB.write0 alone (applying a write batch to the memtables): {100 * write0 / n:.1f} % of the samples')
if machine: print(f'  the machine was {100 * sum(machine) / len(machine):.0f} % busy on average (jdk.CPULoad, {len(machine)} readings)')
if cpu: print(f'  the thread used {200 * sum(cpu) / len(cpu):.0f} % of one core on average (jdk.ThreadCPULoad, {len(cpu)} readings; 2 cores)')
