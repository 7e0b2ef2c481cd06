#!/bin/bash
# reread.sh BATCH K -> views of the ids in changed[K-1].txt in /work/reading/BATCH/rK and the brief rr-BATCH-rK.md
set -e
b=$1; k=$2
cd /work/main
if [ "$k" = 2 ]; then c=/work/reading/$b/changed.txt; else c=/work/reading/$b/changed$((k-1)).txt; fi
ids=$(grep -oE '[a-z]+-[0-9]+\.[0-9]+-[0-9]{3}(-r[0-9]+)?' $c | sort -u | tr '\n' ' ')
python3 scripts/reading.py views content/batches/$b.toml /work/reading/$b/r$k $ids >/dev/null
sed -e "s#<B>/r2/#<B>/r$k/#g" -e "s#<B>#$b#g" /work/reading/RE-READER.md > /work/reading/rr-$b-r$k.md
cat >> /work/reading/rr-$b-r$k.md <<EOT

The documentation search is shared by the team and limited: use at most 8 look-ups in
step 2. Use a private scratch folder /tmp/$b-r$k-reader/ if you need one.
EOT
echo "$(echo $ids | wc -w) ids"; ls /work/reading/$b/r$k
