#!/bin/bash
# first_read.sh BATCH -> views in /work/reading/BATCH/ and the brief /work/reading/rr-BATCH.md
set -e
b=$1
cd /work/main
rm -rf /work/reading/$b/tmpv; mkdir -p /work/reading/$b
python3 scripts/reading.py views content/batches/$b.toml /work/reading/$b/tmpv >/dev/null
mv /work/reading/$b/tmpv/* /work/reading/$b/; rmdir /work/reading/$b/tmpv
# RE-READER.md reads the changed questions in r2/; a first reading reads the
# whole batch in the batch's own folder.
sed -e "s#<B>/r2/#<B>/#g" -e "s#<B>#$b#g" /work/reading/RE-READER.md > /work/reading/rr-$b.md
sed -i -e 's#^Some questions of batch .* were rewritten after a first reading. You read the$#These are new questions of batch '$b'. You read all of them#' -e 's#^rewritten ones afresh, in two steps#afresh, in two steps#' /work/reading/rr-$b.md
cat >> /work/reading/rr-$b.md <<EOT

The documentation search is shared by the team and limited: use at most 10 look-ups in
step 2, on what you are least sure of. Use a private scratch folder /tmp/$b-reader/ if
you need one.
EOT
ls /work/reading/$b
