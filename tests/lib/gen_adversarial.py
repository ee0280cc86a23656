"""Adversarial datasets for tests/cli/bounds.sh: gen_adversarial.py KIND DIR N.

  eras   N eras, one relation
  dyad   one dyad with N relations of weight 1, each on its own day
  hub    one actor with N relations to 1000 partners
  chain  a parent chain N actors deep, relations from along it
  cycle  N actors whose continues links close one cycle
"""
import os, sys
kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
A = 'id,name,kind,parent,continues,active,note\n'
R = 'source,target,type,date,sign,weight,cite,note\n'
E = 'id,name,period,note\n'
def w(name, text): open(os.path.join(out, name), 'w').write(text)
if kind == 'eras':
    w('actors.csv', A + 'A,Alpha,state,,,,\nB,Beta,state,,,,\n')
    w('relations.csv', R + 'A,B,alliance,1950,,,c,\n')
    w('eras.csv', E + ''.join('e%d,Era %d,1000/2000,\n' % (i, i) for i in range(n)))
elif kind == 'dyad':
    # Distinct days (no duplicate rows), weight 1: A's strength is N.
    w('actors.csv', A + 'A,Alpha,state,,,,\nB,Beta,state,,,,\n')
    w('relations.csv', R + ''.join('A,B,alliance,%d-%02d-%02d,,1,c%d,\n' % (1000 + i // 336, 1 + i % 12, 1 + (i // 12) % 28, i) for i in range(n)))
    w('eras.csv', E + 'all,All,1000/2999,\n')
elif kind == 'hub':
    k = 1000
    w('actors.csv', A + 'H,Hub,state,,,,\n' + ''.join('P%d,Partner %d,state,,,,\n' % (i, i) for i in range(k)))
    w('relations.csv', R + ''.join('H,P%d,alliance,%d,,,c%d,\n' % (i % k, 1000 + (i // k) % 1000, i) for i in range(n)))
    w('eras.csv', E + 'all,All,1000/2999,\n')
elif kind == 'chain':
    w('actors.csv', A + 'C0,Top,state,,,,\n' + ''.join('C%d,Child %d,agency,C%d,,,\n' % (i, i, i - 1) for i in range(1, n)) + 'X,Other,state,,,,\n')
    w('relations.csv', R + 'C%d,X,visit,1950,,,c,\n' % (n - 1) + ''.join('C%d,X,visit,1951,,,c,\n' % i for i in range(1, n, max(1, n // 1000))))
    w('eras.csv', E + 'all,All,1900/2000,\n')
elif kind == 'cycle':
    w('actors.csv', A + ''.join('K%d,K %d,state,,K%d,,\n' % (i, i, (i + 1) % n) for i in range(n)))
    w('relations.csv', R + 'K0,K1,visit,1950,,,c,\n')
    w('eras.csv', E + 'all,All,1900/2000,\n')
