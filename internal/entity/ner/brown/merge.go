package brown

// add places word r into the free slot s as a singleton cluster and
// updates every statistic and merge loss for it.
func (st *state) add(s int, r int32) {
	k, p2 := st.k, st.p2
	st.slotOf[r] = int32(s)
	st.members[s] = []int32{r}
	st.setActive(s, true)
	for i := st.right.off[r]; i < st.right.off[r+1]; i++ {
		if u := st.slotOf[st.right.to[i]]; u >= 0 {
			p2[s*k+int(u)] += st.right.n[i]
		}
	}
	for i := st.left.off[r]; i < st.left.off[r+1]; i++ {
		if x := st.left.to[i]; x != r {
			if u := st.slotOf[x]; u >= 0 {
				p2[int(u)*k+s] += st.left.n[i]
			}
		}
	}
	st.pl[s], st.pr[s] = st.wl[r], st.wr[r]
	st.refreshQ(s)
	for _, u := range st.act {
		if u != s {
			st.sq[u] += st.q[u*k+s] + st.q[s*k+u]
		}
	}
	st.gainNeighbour(s)
	for _, u := range st.act {
		if u != s {
			st.setLoss(s, u, st.lossFull(s, u))
		}
	}
}

// gainNeighbour updates the losses of the pairs (c, d) not involving the
// new slot s, which gain s as a neighbour cluster; only pairs with a
// bigram to or from s change.
func (st *state) gainNeighbour(s int) {
	k, p2 := st.k, st.p2
	nz := st.scratchA
	for _, u := range st.act {
		nz[u] = 0
		if p2[u*k+s] > 0 || p2[s*k+u] > 0 {
			nz[u] = 1
		}
	}
	for _, c := range st.act {
		if c == s || nz[c] == 0 {
			continue
		}
		for _, d := range st.act {
			if d == s || d == c || (nz[d] == 1 && d < c) {
				continue
			}
			delta := st.q[c*k+s] + st.q[s*k+c] + st.q[d*k+s] + st.q[s*k+d] -
				qf(p2[c*k+s]+p2[d*k+s], st.pl[c]+st.pl[d], st.pr[s]) -
				qf(p2[s*k+c]+p2[s*k+d], st.pl[s], st.pr[c]+st.pr[d])
			if c < d {
				st.loss[c*k+d] += delta
			} else {
				st.loss[d*k+c] += delta
			}
		}
	}
}

// refreshQ recomputes row and column s of q and the sum sq[s].
func (st *state) refreshQ(s int) {
	k, p2 := st.k, st.p2
	sum := 0.0
	for _, u := range st.act {
		st.q[s*k+u] = qf(p2[s*k+u], st.pl[s], st.pr[u])
		st.q[u*k+s] = qf(p2[u*k+s], st.pl[u], st.pr[s])
		sum += st.q[s*k+u] + st.q[u*k+s]
	}
	st.sq[s] = sum - st.q[s*k+s]
}

// merge merges slot b into slot a, frees b, and updates the losses of all
// remaining pairs in O(C²).
func (st *state) merge(a, b int, phase2 bool) {
	if a > b {
		a, b = b, a
	}
	k, p2 := st.k, st.p2
	st.setActive(a, false)
	st.setActive(b, false)
	act := st.act
	A, B := st.scratchA, st.scratchB
	la, lb, ra, rb := st.pl[a], st.pl[b], st.pr[a], st.pr[b]
	for i, c := range act {
		st.colA[i], st.rowA[i] = p2[c*k+a], p2[a*k+c]
		st.colB[i], st.rowB[i] = p2[c*k+b], p2[b*k+c]
		A[i] = st.q[c*k+a] + st.q[a*k+c] + st.q[c*k+b] + st.q[b*k+c]
		B[i] = qf(st.colA[i]+st.colB[i], st.pl[c], ra+rb) + qf(st.rowA[i]+st.rowB[i], la+lb, st.pr[c])
	}
	for i, c := range act {
		lc, rc := st.pl[c], st.pr[c]
		ca, ar, cb, br := st.colA[i], st.rowA[i], st.colB[i], st.rowB[i]
		base := B[i] - A[i]
		row := st.loss[c*k:]
		for j := i + 1; j < len(act); j++ {
			d := act[j]
			lcd, rcd := lc+st.pl[d], rc+st.pr[d]
			cda, acd := ca+st.colA[j], ar+st.rowA[j]
			cdb, bcd := cb+st.colB[j], br+st.rowB[j]
			row[d] += base + B[j] - A[j] +
				qf(cda, lcd, ra) + qf(acd, la, rcd) + qf(cdb, lcd, rb) + qf(bcd, lb, rcd) -
				qf(cda+cdb, lcd, ra+rb) - qf(acd+bcd, la+lb, rcd)
		}
	}
	st.absorb(a, b, phase2)
	for i, u := range act {
		st.sq[u] += B[i] - A[i]
	}
	st.setActive(a, true)
	st.refreshQ(a)
	for _, u := range st.act {
		if u != a {
			st.setLoss(a, u, st.lossFull(a, u))
		}
	}
}

// absorb moves b's counts and words into a and clears b.
func (st *state) absorb(a, b int, phase2 bool) {
	k, p2 := st.k, st.p2
	aa := p2[a*k+a] + p2[a*k+b] + p2[b*k+a] + p2[b*k+b]
	for u := 0; u < k; u++ {
		p2[a*k+u] += p2[b*k+u]
		p2[u*k+a] += p2[u*k+b]
	}
	p2[a*k+a] = aa
	for u := 0; u < k; u++ {
		p2[b*k+u], p2[u*k+b] = 0, 0
		st.q[b*k+u], st.q[u*k+b] = 0, 0
	}
	p2[a*k+b], p2[b*k+a] = 0, 0
	st.pl[a] += st.pl[b]
	st.pr[a] += st.pr[b]
	st.pl[b], st.pr[b], st.sq[b] = 0, 0, 0
	if !phase2 {
		for _, r := range st.members[b] {
			st.slotOf[r] = int32(a)
		}
		st.members[a] = append(st.members[a], st.members[b]...)
	}
	st.members[b] = nil
}
