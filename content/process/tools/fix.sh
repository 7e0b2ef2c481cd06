#!/bin/bash
# fix.sh BATCH K -> brief fix-BATCH-K.md for the fix round whose changes go to changed{K}.txt (reader dir r{K})
set -e
b=$1; k=$2
sed -e "s#<B>/r2/#<B>/r$k/#g" -e "s#changed2.txt#changed$k.txt#g" -e "s#<B>#$b#g" /work/reading/FIX2.md > /work/reading/fix-$b-$k.md
cat >> /work/reading/fix-$b-$k.md <<EOT

The documentation search is shared by the team and limited: use at most 12 look-ups.
Use a private scratch folder /tmp/$b-fix$k/ if you need one.
EOT
echo /work/reading/fix-$b-$k.md
